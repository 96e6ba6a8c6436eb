package bench;

/** The same offered load straight against the mock and through the gateway. */
record Pair(RunResult direct, RunResult gateway) {
    int rate() {
        return gateway.rate();
    }

    long addedP50() {
        return gateway.p50() - direct.p50();
    }

    long addedP99() {
        return gateway.p99() - direct.p99();
    }
}
