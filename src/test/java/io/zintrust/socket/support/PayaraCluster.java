package io.zintrust.socket.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Several {@link PayaraServer}s clustered on Payara's data grid over TCP on 127.0.0.1 (never
 * multicast), under a cluster name of their own. As a static extension it starts them in parallel
 * before the suite's first test, returns once every member sees them all, closes the members' sockets
 * after each test and stops them after the last.
 */
public final class PayaraCluster implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private static final Duration JOINING = Duration.ofSeconds(90);

    private final List<PayaraServer> members;

    private PayaraCluster(List<PayaraServer> members) {
        this.members = members;
    }

    /** {@code size} servers like {@code member}, logging to {@code cluster-1.log} and on. */
    public static PayaraCluster of(int size, PayaraServer member) {
        String cluster = "zintrust-it-" + UUID.randomUUID().toString().substring(0, 8);
        List<PayaraServer> members = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            members.add(member.copyNamed("cluster-" + i).clustered(cluster));
        }
        return new PayaraCluster(List.copyOf(members));
    }

    /** The {@code number}th member, from 1. */
    public PayaraServer member(int number) {
        return members.get(number - 1);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        CompletableFuture.allOf(members.stream().map(member -> CompletableFuture.supplyAsync(member::start))
                .toArray(CompletableFuture[]::new)).join();
        for (PayaraServer member : members) {
            member.awaitLog(line -> line.contains("DG Size: " + members.size()), JOINING);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        members.forEach(PayaraServer::closeSockets);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        members.forEach(PayaraServer::close);
    }
}
