package tr.bel.izmit.kadinaile.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The memory of this JVM as the benchmarks print it (issue 26): the steady heap (what is still in use after full
 * collections: the live data, not the garbage a moment's work left behind) and the resident set size of the process
 * (every byte the operating system holds for it: heap as far as touched, metaspace, code cache, thread stacks, direct
 * buffers). The application runs in the benchmark's JVM, so both include the benchmark's own few objects and classes;
 * the embedded PostgreSQL is a process of its own and is not counted.
 */
final class Memory {

    /** Megabytes. {@code residentMb} is not a number where {@code /proc/self/status} cannot be read. */
    record Sample(double steadyHeapMb, double committedHeapMb, double maxHeapMb, double nonHeapMb, double residentMb) {

        String describe() {
            return String.format(Locale.ROOT,
                "steady heap %.0f MB (after full GC; committed %.0f MB, max %.0f MB), non-heap %.0f MB, resident %.0f MB",
                steadyHeapMb, committedHeapMb, maxHeapMb, nonHeapMb, residentMb);
        }
    }

    private Memory() {
    }

    /** Collects until the used heap stops falling (at most 5 full collections), then samples. */
    static Sample steady() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used * 0.99) {
                used = Math.min(used, now);
                break;
            }
            used = now;
        }
        double mb = 1024.0 * 1024.0;
        return new Sample(used / mb, memory.getHeapMemoryUsage().getCommitted() / mb,
            memory.getHeapMemoryUsage().getMax() / mb, memory.getNonHeapMemoryUsage().getUsed() / mb, residentMb());
    }

    /** VmRSS of {@code /proc/self/status}, in megabytes. */
    static double residentMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
