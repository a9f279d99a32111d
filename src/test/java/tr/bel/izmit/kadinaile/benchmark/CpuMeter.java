package tr.bel.izmit.kadinaile.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Processor time spent so far, split where the benchmark can tell it apart: the engine's HTTP request threads
 * (Tomcat's {@code http-nio-…-exec-…}), the rest of this JVM (the benchmark's clients, GC, JIT, the job executor)
 * and the PostgreSQL server (every {@code postgres} process on this machine, read from {@code /proc}: Linux only,
 * else not a number). On a virtual machine the hypervisor may run other guests on "our" processors: the time it
 * took ({@code steal} in {@code /proc/stat}) makes the run slower and noisier, and is reported beside the figures.
 * The difference of two samples over a phase, divided by its instances, says where an
 * instance's processor time goes; on a machine where the processor is the limit, that decides throughput.
 */
final class CpuMeter {

    /** Nanoseconds of processor time. */
    record Sample(long requestThreads, long jvm, long postgres, long stolen, long wall) {

        Sample minus(Sample earlier) {
            return new Sample(requestThreads - earlier.requestThreads, jvm - earlier.jvm, postgres - earlier.postgres,
                stolen - earlier.stolen, wall - earlier.wall);
        }

        Sample plus(Sample other) {
            return new Sample(requestThreads + other.requestThreads, jvm + other.jvm, postgres + other.postgres,
                stolen + other.stolen, wall + other.wall);
        }

        /** Share of the machine's processors the hypervisor gave to others over this span (0 to 1). */
        double stolenShare() {
            return stolen < 0 ? Double.NaN : stolen / (double) wall / Runtime.getRuntime().availableProcessors();
        }
    }

    private static final long CLOCK_TICK_NANOS = 10_000_000L; // USER_HZ is 100 on every Linux we run

    private CpuMeter() {
    }

    static Sample now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long requestThreads = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().startsWith("http-nio-") && thread.getThreadName().contains("-exec-")) {
                long cpu = threads.getThreadCpuTime(thread.getThreadId());
                requestThreads += Math.max(cpu, 0);
            }
        }
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return new Sample(requestThreads, jvm, postgres(), stolen(), System.nanoTime());
    }

    /** The steal time of all processors (eighth field of the {@code cpu} line of {@code /proc/stat}). */
    private static long stolen() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return fields.length > 8 ? Long.parseLong(fields[8]) * CLOCK_TICK_NANOS : Long.MIN_VALUE;
        } catch (IOException | RuntimeException e) {
            return Long.MIN_VALUE;
        }
    }

    /** utime + stime of every live postgres process, plus what the postmaster reaped of its exited children. */
    private static long postgres() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return Long.MIN_VALUE;
        }
        long ticks = 0;
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (!entry.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String stat;
                try {
                    stat = Files.readString(entry.resolve("stat"));
                } catch (IOException gone) {
                    continue; // the process ended between the listing and the read: its time is its parent's now
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                if (open < 0 || close < 0 || !stat.substring(open + 1, close).equals("postgres")) {
                    continue;
                }
                // fields after the command: state(3) ... utime(14) stime(15) cutime(16) cstime(17)
                String[] fields = stat.substring(close + 2).split(" ");
                for (int field = 14; field <= 17; field++) {
                    ticks += Long.parseLong(fields[field - 3]);
                }
            }
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
        return ticks * CLOCK_TICK_NANOS;
    }
}
