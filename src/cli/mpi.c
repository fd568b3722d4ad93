/*
 * mpi.c - `mpirun -np N shi scenarios|risk ...`: the only file that knows MPI
 * (built with it when CMake finds Open MPI, or with -DSHI_MPI=ON; SHI_HAVE_MPI).
 * The library sees a shi_scen_split (include/shi/scenarios.h) or a
 * shi_risk_split (include/shi/eu.h): this process's rank and two
 * element-wise sums over the processes. Without MPI, or when the
 * command was not started by mpirun, there is one process and no split, so
 * MPI is never initialised for an ordinary run.
 */
#include "cli.h"

#include <limits.h>
#include <stdlib.h>

#ifdef SHI_HAVE_MPI
#    include <mpi.h>
#endif

static int g_rank, g_nproc = 1;
#ifdef SHI_HAVE_MPI
static int g_init;
#endif
static shi_scen_split g_split;
static shi_risk_split g_rsplit;

/* The launcher's process count (Open MPI's mpirun sets OMPI_COMM_WORLD_SIZE;
 * PMIx and PMI launchers such as Slurm's srun set PMIX_RANK or PMI_SIZE), or
 * 0 when not started by one. */
static int launched(void)
{
    const char *v = getenv("OMPI_COMM_WORLD_SIZE");
    if (!v) {
        v = getenv("PMI_SIZE");
    }
    if (v) {
        return atoi(v);
    }
    return getenv("PMIX_RANK") ? 2 : 0; /* PMIx says the size only through MPI */
}

#ifdef SHI_HAVE_MPI
/* MPI counts are int: sum in chunks. */
static int sum_u64(uint64_t *v, size_t n, void *ctx)
{
    (void)ctx;
    for (size_t i = 0; i < n; i += INT_MAX / 2) {
        int m = (int)(n - i < INT_MAX / 2 ? n - i : INT_MAX / 2);
        if (MPI_Allreduce(MPI_IN_PLACE, v + i, m, MPI_UINT64_T, MPI_SUM, MPI_COMM_WORLD) !=
            MPI_SUCCESS) {
            return -1;
        }
    }
    return 0;
}

static int sum_f64(double *v, size_t n, void *ctx)
{
    (void)ctx;
    for (size_t i = 0; i < n; i += INT_MAX / 2) {
        int m = (int)(n - i < INT_MAX / 2 ? n - i : INT_MAX / 2);
        if (MPI_Allreduce(MPI_IN_PLACE, v + i, m, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD) !=
            MPI_SUCCESS) {
            return -1;
        }
    }
    return 0;
}
#endif

shi_status cli_mpi_begin(shi_err *err)
{
    int n = launched();
    if (n <= 1) {
        return SHI_OK;
    }
#ifdef SHI_HAVE_MPI
    /* OpenMP threads inside each rank; only the main thread calls MPI. */
    int provided = 0;
    if (MPI_Init_thread(NULL, NULL, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS) {
        return shi_err_set(err, SHI_EIO, "MPI could not start");
    }
    g_init = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &g_rank);
    MPI_Comm_size(MPI_COMM_WORLD, &g_nproc);
    g_split.rank = g_rank;
    g_split.nproc = g_nproc;
    g_split.sum_u64 = sum_u64;
    g_split.sum_f64 = sum_f64;
    const shi_risk_split r = {g_rank, g_nproc, sum_u64, sum_f64, NULL};
    g_rsplit = r;
    return SHI_OK;
#else
    /* Every process would run everything and write the same output. */
    return shi_err_set(err, SHI_EUSAGE,
                       "started by mpirun, but this shi was built without MPI "
                       "(install Open MPI and configure with -DSHI_MPI=ON)");
#endif
}

int cli_mpi_launched(void)
{
    return launched() > 0;
}

const shi_scen_split *cli_mpi_split(void)
{
    return g_nproc > 1 ? &g_split : NULL;
}

const shi_risk_split *cli_mpi_risk_split(void)
{
    return g_nproc > 1 ? &g_rsplit : NULL;
}

int cli_mpi_rank(void)
{
    return g_rank;
}

void cli_mpi_end(void)
{
#ifdef SHI_HAVE_MPI
    if (g_init) {
        /* stdout of every rank reaches mpirun before MPI goes */
        fflush(stdout);
        MPI_Finalize();
        g_init = 0;
    }
#endif
}
