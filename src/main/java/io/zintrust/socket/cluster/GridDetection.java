package io.zintrust.socket.cluster;

import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.HazelcastInstance;
import io.zintrust.socket.apps.Availability;
import io.zintrust.socket.apps.SocketSettings;
import io.zintrust.socket.apps.Transport;
import io.zintrust.socket.container.ContainerAccess;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Finds the data grid to cluster over, once: Payara's Hazelcast member when Payara runs clustered and
 * SOCKET_TRANSPORT allows it. SOCKET_TRANSPORT=cluster without one makes the server unavailable (503
 * everywhere, with what to configure) rather than silently serve one instance's sockets.
 */
@ApplicationScoped
public class GridDetection implements Availability {

    private static final System.Logger LOG = System.getLogger(GridDetection.class.getName());

    @Inject
    SocketSettings settings;
    @Inject
    Instance<HazelcastInstance> hazelcast;

    private HazelcastInstance grid;
    private String refusal;

    @PostConstruct
    void detect() {
        refusal = settings.unavailable().orElse(null);
        if (refusal != null || settings.transport() == Transport.NODE) {
            LOG.log(Level.INFO, "ZinTrust Socket transport: this instance only");
            return;
        }
        grid = runningGrid();
        if (grid != null) {
            LOG.log(Level.INFO, "ZinTrust Socket transport: cluster of " + grid.getCluster().getMembers().size()
                    + " instance(s) on the Payara data grid");
        } else if (settings.transport() == Transport.CLUSTER) {
            refusal = "socket_cluster_unavailable: SOCKET_TRANSPORT=cluster needs Payara Micro's data grid;"
                    + " start every instance with clustering on (e.g. --clustermode tcpip:<host list>,"
                    + " not --nohazelcast or --nocluster), or set SOCKET_TRANSPORT=auto or node";
            LOG.log(Level.WARNING, refusal);
        } else {
            LOG.log(Level.INFO, "ZinTrust Socket transport: this instance only (Payara clustering is off)");
        }
    }

    /** The grid to cluster over; empty when this instance serves alone. */
    public Optional<HazelcastInstance> grid() {
        return Optional.ofNullable(grid);
    }

    @Override
    public boolean clustered() {
        return grid != null;
    }

    @Override
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    private HazelcastInstance runningGrid() {
        try {
            // with --nohazelcast Payara still offers the bean, but resolving it logs a WARNING: ask first
            // whether any member runs in this JVM
            if (com.hazelcast.core.Hazelcast.getAllHazelcastInstances().isEmpty() || !hazelcast.isResolvable()) {
                return null;
            }
            HazelcastInstance member = hazelcast.get();
            if (member == null || !member.getLifecycleService().isRunning()) {
                return null;
            }
            // Payara Micro runs a member even with --nocluster, one that joins nobody
            boolean clustering = ContainerAccess.payaraMicroClustering()
                    .orElseGet(() -> joinsOthers(member.getConfig().getNetworkConfig().getJoin()));
            return clustering ? member : null;
        } catch (RuntimeException e) {
            // Payara started without a grid offers no running member
            LOG.log(Level.DEBUG, () -> "No data grid: " + e);
            return null;
        }
    }

    private static boolean joinsOthers(JoinConfig join) {
        return join.getMulticastConfig().isEnabled() || join.getTcpIpConfig().isEnabled()
                || join.getKubernetesConfig().isEnabled() || join.getDiscoveryConfig().isEnabled()
                || join.getAwsConfig().isEnabled() || join.getGcpConfig().isEnabled()
                || join.getAzureConfig().isEnabled() || join.getEurekaConfig().isEnabled();
    }
}
