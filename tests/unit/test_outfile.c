/*
 * test_outfile.c - atomic output files (src/core/outfile.c): a commit makes the
 * whole file appear; an abort or a failed commit leaves nothing behind, not
 * even the temporary file; errors name the path.
 *
 * Each test works in its own fresh directory under the build tree
 * (SHI_TEST_TMP/outfile.<name>) and lists it afterwards, so "nothing left
 * behind" is checked by looking, not assumed.
 */
#define _POSIX_C_SOURCE 200809L

#include "test_util.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <shi/outfile.h>

/* Make an empty directory SHI_TEST_TMP/outfile.<name> (removing its old files). */
static void fresh_dir(char *dir, size_t size, const char *name)
{
    snprintf(dir, size, "%s/outfile.%s", SHI_TEST_TMP, name);
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
                char p[2048];
                snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
                remove(p);
            }
        }
        closedir(d);
    } else {
        assert_int_equal(mkdir(dir, 0777), 0);
    }
}

/* The names in `dir`, sorted, joined with spaces ("" when empty). */
static void list_dir(const char *dir, char *out, size_t size)
{
    char names[16][256];
    int n = 0;
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        assert_true(n < 16);
        snprintf(names[n++], sizeof names[0], "%s", e->d_name);
    }
    closedir(d);
    for (int i = 1; i < n; i++) { /* insertion sort */
        for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char tmp[256];
            memcpy(tmp, names[j], sizeof tmp);
            memcpy(names[j], names[j - 1], sizeof tmp);
            memcpy(names[j - 1], tmp, sizeof tmp);
        }
    }
    out[0] = '\0';
    size_t len = 0;
    for (int i = 0; i < n; i++) {
        len += (size_t)snprintf(out + len, size - len, "%s%s", i ? " " : "", names[i]);
    }
}

static void expect_dir(const char *dir, const char *want)
{
    char got[4096];
    list_dir(dir, got, sizeof got);
    assert_string_equal(got, want);
}

static void expect_content(const char *path, const char *want)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char buf[256];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    assert_string_equal(buf, want);
}

static void test_commit(void **state)
{
    (void)state;
    char dir[1024], path[1100];
    fresh_dir(dir, sizeof dir, "commit");
    snprintf(path, sizeof path, "%s/out.csv", dir);
    shi_outfile o;
    shi_err err = {0};
    assert_int_equal(shi_outfile_open(&o, path, &err), SHI_OK);
    assert_non_null(o.fp);
    assert_string_equal(o.path, path);
    fputs("a,b\n1,2\n", o.fp);
    /* Before the commit the target does not exist; only the temporary file does. */
    struct stat st;
    assert_int_equal(stat(path, &st), -1);
    assert_int_equal(shi_outfile_commit(&o, &err), SHI_OK);
    expect_content(path, "a,b\n1,2\n");
    expect_dir(dir, "out.csv");
    /* Abort after a commit keeps the file; a second commit is a bug. */
    shi_outfile_abort(&o);
    expect_content(path, "a,b\n1,2\n");
    assert_int_equal(shi_outfile_commit(&o, &err), SHI_EINTERNAL);
    assert_string_equal(err.msg, "output file committed twice");
    expect_dir(dir, "out.csv");
}

static void test_commit_replaces(void **state)
{
    (void)state;
    char dir[1024], path[1100];
    fresh_dir(dir, sizeof dir, "replace");
    snprintf(path, sizeof path, "%s/out.csv", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("old\n", f);
    fclose(f);
    shi_outfile o;
    shi_err err = {0};
    /* An aborted write leaves the old file as it was. */
    assert_int_equal(shi_outfile_open(&o, path, &err), SHI_OK);
    fputs("half a ", o.fp);
    shi_outfile_abort(&o);
    expect_content(path, "old\n");
    expect_dir(dir, "out.csv");
    /* A committed one replaces it. */
    assert_int_equal(shi_outfile_open(&o, path, &err), SHI_OK);
    fputs("new\n", o.fp);
    assert_int_equal(shi_outfile_commit(&o, &err), SHI_OK);
    expect_content(path, "new\n");
    expect_dir(dir, "out.csv");
}

static void test_file_mode(void **state)
{
    (void)state;
    /* The temporary file is made 0600 by mkstemp; the output must get the usual
     * 0666 & ~umask, here 0644. */
    char dir[1024], path[1100];
    fresh_dir(dir, sizeof dir, "mode");
    snprintf(path, sizeof path, "%s/out.csv", dir);
    mode_t old = umask(022);
    shi_outfile o;
    shi_err err = {0};
    assert_int_equal(shi_outfile_open(&o, path, &err), SHI_OK);
    assert_int_equal(shi_outfile_commit(&o, &err), SHI_OK);
    umask(old);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
    assert_int_equal(st.st_size, 0);
}

static void test_abort(void **state)
{
    (void)state;
    char dir[1024], path[1100];
    fresh_dir(dir, sizeof dir, "abort");
    snprintf(path, sizeof path, "%s/out.csv", dir);
    shi_outfile o;
    shi_err err = {0};
    assert_int_equal(shi_outfile_open(&o, path, &err), SHI_OK);
    fputs("partial", o.fp);
    /* Meanwhile the directory holds one temporary file beside the target. */
    char got[4096];
    list_dir(dir, got, sizeof got);
    assert_int_equal(strncmp(got, "out.csv.", 8), 0);
    assert_null(strchr(got, ' '));
    shi_outfile_abort(&o);
    expect_dir(dir, "");
    assert_null(o.fp);
    shi_outfile_abort(&o); /* twice is harmless */
    shi_outfile z;
    memset(&z, 0, sizeof z);
    shi_outfile_abort(&z); /* so is a zeroed struct */
    shi_outfile_abort(NULL);
    expect_dir(dir, "");
}

static void test_failed_commit(void **state)
{
    (void)state;
    char dir[1024], path[1100];
    shi_outfile o;
    shi_err err = {0};
    /* 1. The target is a directory: refused when opened, before any work. */
    fresh_dir(dir, sizeof dir, "failrename");
    snprintf(path, sizeof path, "%s/sub", dir);
    assert_int_equal(mkdir(path, 0777), 0);
    assert_int_equal(shi_outfile_open(&o, path, &err), SHI_EIO);
    char want[2048];
    snprintf(want, sizeof want, "cannot write '%s': %s", path, strerror(EISDIR));
    assert_string_equal(err.msg, want);
    shi_outfile_abort(&o);
    expect_dir(dir, "sub");
    rmdir(path);

    /* 2. A write error on the stream (reading a write-only stream sets its
     * error indicator, as a failed write would). */
    fresh_dir(dir, sizeof dir, "failwrite");
    snprintf(path, sizeof path, "%s/out.csv", dir);
    assert_int_equal(shi_outfile_open(&o, path, &err), SHI_OK);
    fputs("data\n", o.fp);
    fflush(o.fp);
    (void)fgetc(o.fp);
    if (!ferror(o.fp)) {
        shi_outfile_abort(&o);
        SHI_SKIP("a read from a write-only stream sets no error indicator here");
    }
    assert_int_equal(shi_outfile_commit(&o, &err), SHI_EIO);
    assert_non_null(strstr(err.msg, "write failure on '"));
    assert_non_null(strstr(err.msg, path));
    shi_outfile_abort(&o);
    expect_dir(dir, "");
}

static void test_no_directory(void **state)
{
    (void)state;
    char path[1100];
    snprintf(path, sizeof path, "%s/outfile.no-such-dir/out.csv", SHI_TEST_TMP);
    shi_outfile o;
    shi_err err = {0};
    assert_int_equal(shi_outfile_open(&o, path, &err), SHI_EIO);
    assert_null(o.fp);
    char want[2048];
    snprintf(want, sizeof want, "cannot write '%s': %s", path, strerror(ENOENT));
    assert_string_equal(err.msg, want);
    shi_outfile_abort(&o); /* safe after a failed open */
}

static void test_stdout(void **state)
{
    (void)state;
    shi_outfile o;
    shi_err err = {0};
    assert_int_equal(shi_outfile_open(&o, "-", &err), SHI_OK);
    assert_ptr_equal(o.fp, stdout);
    assert_int_equal(shi_outfile_commit(&o, &err), SHI_OK);
    assert_int_equal(shi_outfile_open(&o, NULL, &err), SHI_OK);
    assert_ptr_equal(o.fp, stdout);
    shi_outfile_abort(&o); /* must not close stdout */
    assert_int_equal(fflush(stdout), 0);
    assert_true(fileno(stdout) >= 0);
}

/* Issue 20, defect 1 (2026-12-01): -o renamed its temporary file over
 * whatever the path was. Run as root, 'shi power -o /dev/null' turned
 * /dev/null into a regular file; a symlink was replaced by a file; an old
 * file's mode (600) and its hard links were lost. */
static void test_special_targets(void **state)
{
    (void)state;
    shi_err err = {0};
    shi_outfile o;
    /* A character device stays one, and takes the bytes. */
    assert_int_equal(shi_outfile_open(&o, "/dev/null", &err), SHI_OK);
    fputs("data\n", o.fp);
    assert_int_equal(shi_outfile_commit(&o, &err), SHI_OK);
    struct stat st;
    assert_int_equal(stat("/dev/null", &st), 0);
    assert_true(S_ISCHR(st.st_mode));

    char dir[1024], path[1100], lnk[1100], hard[1100];
    /* A symlink is followed: the target changes, the link stays a link. */
    fresh_dir(dir, sizeof dir, "symlink");
    snprintf(path, sizeof path, "%s/real.csv", dir);
    snprintf(lnk, sizeof lnk, "%s/link.csv", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("old\n", f);
    fclose(f);
    assert_int_equal(symlink("real.csv", lnk), 0);
    assert_int_equal(shi_outfile_open(&o, lnk, &err), SHI_OK);
    fputs("new\n", o.fp);
    assert_int_equal(shi_outfile_commit(&o, &err), SHI_OK);
    assert_int_equal(lstat(lnk, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    expect_content(path, "new\n");
    expect_dir(dir, "link.csv real.csv");

    /* A dangling symlink: the file it names is created. */
    fresh_dir(dir, sizeof dir, "dangling");
    snprintf(path, sizeof path, "%s/made.csv", dir);
    snprintf(lnk, sizeof lnk, "%s/link.csv", dir);
    assert_int_equal(symlink("made.csv", lnk), 0);
    assert_int_equal(shi_outfile_open(&o, lnk, &err), SHI_OK);
    fputs("x\n", o.fp);
    assert_int_equal(shi_outfile_commit(&o, &err), SHI_OK);
    expect_content(path, "x\n");

    /* An existing file keeps its mode (600 stays 600). */
    fresh_dir(dir, sizeof dir, "keepmode");
    snprintf(path, sizeof path, "%s/secret.csv", dir);
    f = fopen(path, "w");
    assert_non_null(f);
    fclose(f);
    assert_int_equal(chmod(path, 0600), 0);
    assert_int_equal(shi_outfile_open(&o, path, &err), SHI_OK);
    fputs("s\n", o.fp);
    assert_int_equal(shi_outfile_commit(&o, &err), SHI_OK);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);

    /* A file with another hard link is written in place: both names see it. */
    fresh_dir(dir, sizeof dir, "hardlink");
    snprintf(path, sizeof path, "%s/a.csv", dir);
    snprintf(hard, sizeof hard, "%s/b.csv", dir);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("a much longer old content\n", f);
    fclose(f);
    assert_int_equal(link(path, hard), 0);
    assert_int_equal(shi_outfile_open(&o, path, &err), SHI_OK);
    fputs("new\n", o.fp);
    assert_int_equal(shi_outfile_commit(&o, &err), SHI_OK);
    expect_content(hard, "new\n");
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_nlink, 2);
    expect_dir(dir, "a.csv b.csv");

    /* A pipe (as from process substitution, /dev/fd/N) receives the bytes. */
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    char fdpath[64];
    snprintf(fdpath, sizeof fdpath, "/dev/fd/%d", fds[1]);
    assert_int_equal(shi_outfile_open(&o, fdpath, &err), SHI_OK);
    fputs("piped\n", o.fp);
    assert_int_equal(shi_outfile_commit(&o, &err), SHI_OK);
    close(fds[1]);
    char buf[32] = "";
    assert_int_equal(read(fds[0], buf, sizeof buf - 1), 6);
    assert_string_equal(buf, "piped\n");
    close(fds[0]);
}

static void on_term(int sig)
{
    (void)sig;
    shi_outfile_cleanup_signal();
    _exit(9);
}

/* Issue 20, defect 11 (2026-12-01): SIGINT, SIGTERM or SIGHUP left temporary
 * files of 133-300 MB behind. A handler that calls shi_outfile_cleanup_signal
 * (as the shi command's does) removes them. */
static void test_signal_cleanup(void **state)
{
    (void)state;
    char dir[1024], path[1100];
    fresh_dir(dir, sizeof dir, "signal");
    snprintf(path, sizeof path, "%s/big.csv", dir);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        signal(SIGTERM, on_term);
        shi_outfile o;
        shi_err err = {0};
        if (shi_outfile_open(&o, path, &err) != SHI_OK) {
            _exit(1);
        }
        fputs("half a file", o.fp);
        fflush(o.fp);
        raise(SIGTERM);
        _exit(2); /* not reached */
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 9);
    expect_dir(dir, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_commit),         cmocka_unit_test(test_commit_replaces),
        cmocka_unit_test(test_file_mode),      cmocka_unit_test(test_abort),
        cmocka_unit_test(test_failed_commit),  cmocka_unit_test(test_no_directory),
        cmocka_unit_test(test_stdout),         cmocka_unit_test(test_special_targets),
        cmocka_unit_test(test_signal_cleanup),
    };
    return shi_run_group_tests(tests, NULL, NULL);
}
