package io.zintrust.socket.support;

import java.util.HashMap;
import java.util.Map;

/**
 * The live objects of a server process per class, as the JDK's {@code jcmd <pid> GC.class_histogram}
 * prints them after a full collection: what a test of the memory a socket keeps compares before and after.
 */
public record HeapCensus(Map<String, Long> instances) {

    static HeapCensus parse(String histogram) {
        Map<String, Long> instances = new HashMap<>();
        for (String line : histogram.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 4 && columns[0].endsWith(":")) {
                instances.merge(columns[3], Long.parseLong(columns[1]), Long::sum);
            }
        }
        if (instances.isEmpty()) {
            throw new IllegalStateException("not a class histogram: " + histogram);
        }
        return new HeapCensus(Map.copyOf(instances));
    }

    public long instancesOf(String className) {
        return instances.getOrDefault(className, 0L);
    }
}
