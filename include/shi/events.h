/*
 * shi/events.h - dated milestones (treaties, crises, summits, enlargements)
 * that annotate reports and serve as dated drivers. shi ships its own file,
 * data/events.tsv (each event with its source); users may bring their own.
 *
 * File format (tab-separated, UTF-8): three comment lines, a header
 *   date  states  kind  label  description  source
 * date YYYY-MM-DD; states: COW codes separated by commas (empty: the whole
 * system); kind: bilateral, external or crisis.
 * Three optional columns say how the drivers model counts the event
 * (docs/drivers.md, "Events"): block (external, bilateral or none; default
 * bilateral for a bilateral kind, external otherwise), contested (yes or no,
 * default no: whether the block is arguable, so that a sensitivity run moves
 * it to the other block) and block_why (the justification, one sentence).
 */
#ifndef SHI_EVENTS_H
#define SHI_EVENTS_H

#include <stddef.h>
#include <stdint.h>

#include <shi/api.h>
#include <shi/error.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SHI_EVENT_MAX_STATES 8

typedef enum shi_event_kind { SHI_EV_BILATERAL, SHI_EV_EXTERNAL, SHI_EV_CRISIS } shi_event_kind;

/** The drivers block an event counts in. */
typedef enum shi_event_block {
    SHI_EVB_EXTERNAL = 0,  /* an act of, or against, a third party */
    SHI_EVB_BILATERAL = 1, /* an act of the two states between themselves */
    SHI_EVB_NONE = 2       /* counted in neither (e.g. a signal of the opposite sign) */
} shi_event_block;

typedef struct shi_event {
    int32_t date;                     /* yyyymmdd */
    int states[SHI_EVENT_MAX_STATES]; /* COW codes */
    size_t nstates;                   /* 0: system-wide */
    shi_event_kind kind;
    char label[64];
    char description[256];
    char source[256];
    shi_event_block block; /* drivers block */
    int contested;         /* 1: the block is arguable (moved in the sensitivity run) */
    char block_why[256];   /* why this block */
} shi_event;

typedef struct shi_events {
    shi_event *v;
    size_t n, cap;
} shi_events;

SHI_API void shi_events_destroy(shi_events *e);
/** Read an events file (path), or the embedded data/events.tsv when path is NULL. */
SHI_API shi_status shi_events_load(shi_events *e, const char *path, shi_err *err);
/** Does event `ev` concern the pair (a, b)? True when both are among its
 *  states, or when it is system-wide or external and concerns a or b or no one. */
SHI_API int shi_event_concerns(const shi_event *ev, int a, int b);

#ifdef __cplusplus
}
#endif
#endif
