package io.zintrust.socket.cluster;

import com.hazelcast.core.HazelcastInstance;

import java.util.Set;
import java.util.stream.Collectors;

/** How grid entries name instances: by their member's uuid. */
final class Instances {

    private Instances() {
    }

    static String self(HazelcastInstance grid) {
        return grid.getCluster().getLocalMember().getUuid().toString();
    }

    /** The instances now in the cluster; entries naming any other are left over from a lost one. */
    static Set<String> live(HazelcastInstance grid) {
        return grid.getCluster().getMembers().stream().map(m -> m.getUuid().toString()).collect(Collectors.toSet());
    }
}
