package io.zintrust.socket.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and resident memory of a process, from /proc (Linux); live heap through {@code jcmd}, the
 * one of the JDK the process runs on.
 */
record ProcessStats(long pid, Path jcmd) {

    ProcessStats(long pid) {
        this(pid, Path.of(System.getProperty("java.home"), "bin", "jcmd"));
    }

    private static final double TICKS_PER_SECOND = 100.0;

    static ProcessStats self() {
        return new ProcessStats(ProcessHandle.current().pid());
    }

    /** User + system CPU seconds used so far. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[11] and [12] are utime and stime (fields 14 and 15 of stat(5))
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * Live Java heap in kilobytes after a full collection, through the JDK's jcmd; -1 when the process is
     * not a JVM this JDK can attach to (soketi).
     */
    long liveHeapKb() {
        try {
            // only a JVM that jcmd lists: attaching to any other process sends it SIGQUIT, which ends it
            String jvms = run(jcmd.toString(), "-l");
            if (jvms == null || jvms.lines().noneMatch(line -> line.startsWith(pid + " "))
                    || run(jcmd.toString(), Long.toString(pid), "GC.run") == null) {
                return -1;
            }
            String info = run(jcmd.toString(), Long.toString(pid), "GC.heap_info");
            java.util.regex.Matcher used = info == null ? null
                    : java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
            return used != null && used.find() ? Long.parseLong(used.group(1)) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        return process.waitFor() == 0 ? out : null;
    }

    /** Resident set size in kilobytes. */
    long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // reported as -1
        }
        return -1;
    }
}
