#define _POSIX_C_SOURCE 200809L /* sigaction, SIGHUP */
/*
 * signals.c - on SIGINT, SIGTERM or SIGHUP, remove the temporary files of the
 * outputs being written (a 300 MB half-written CSV must not stay behind),
 * then die of the same signal so that the caller sees how the command ended.
 */
#include "cli.h"

#include <shi/outfile.h>

#include <signal.h>
#include <string.h>

static void on_signal(int sig)
{
    shi_outfile_cleanup_signal();
    signal(sig, SIG_DFL);
    raise(sig);
}

void cli_signals_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        sigaction(sigs[i], &sa, NULL);
    }
}
