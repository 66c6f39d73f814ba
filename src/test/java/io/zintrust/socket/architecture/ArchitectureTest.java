package io.zintrust.socket.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package graph the README's Development section describes, kept so by the build: a change that
 * adds a cycle, an import running up the layers, or container internals outside the container seam
 * fails here.
 */
class ArchitectureTest {

    private static final String ROOT = "io.zintrust.socket";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void no_two_packages_depend_on_each_other_through_any_path() {
        ArchRule rule = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();
        rule.check(classes);
    }

    @Test
    void packages_only_import_downwards_and_the_cluster_webhooks_and_health_plug_in_from_the_side() {
        ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Codec and configuration").definedBy(ROOT + ".protocol..", ROOT + ".signature..",
                        ROOT + ".apps..", ROOT + ".identity..", ROOT + ".policy..")
                .layer("App policies").definedBy(ROOT + ".plugins..")
                .layer("Container seam").definedBy(ROOT + ".container..")
                .layer("Event seam and timers").definedBy(ROOT + ".activity..", ROOT + ".schedule..", ROOT + ".lifecycle..")
                .layer("State owners").definedBy(ROOT + ".connections..", ROOT + ".presence..", ROOT + ".users..",
                        ROOT + ".channel..")
                .layer("Boundaries").definedBy(ROOT + ".websocket..", ROOT + ".http..", ROOT + ".api..",
                        ROOT + ".auth..", ROOT + ".console..")
                .layer("Cluster").definedBy(ROOT + ".cluster..")
                .layer("Webhooks").definedBy(ROOT + ".webhooks..")
                .layer("Operations").definedBy(ROOT + ".health..", ROOT + ".metrics..")
                .whereLayer("Boundaries").mayNotBeAccessedByAnyLayer()
                .whereLayer("Cluster").mayNotBeAccessedByAnyLayer()
                .whereLayer("Operations").mayNotBeAccessedByAnyLayer()
                .whereLayer("Webhooks").mayOnlyBeAccessedByLayers("Cluster", "Operations")
                .whereLayer("State owners").mayOnlyBeAccessedByLayers("Boundaries", "Cluster", "Operations")
                .whereLayer("Event seam and timers").mayOnlyBeAccessedByLayers("State owners", "Boundaries", "Cluster",
                        "Webhooks", "Operations")
                .whereLayer("Container seam").mayOnlyBeAccessedByLayers("Boundaries", "Cluster")
                .whereLayer("App policies").mayOnlyBeAccessedByLayers("Boundaries")
                .whereLayer("Codec and configuration").mayOnlyBeAccessedByLayers("Container seam", "Event seam and timers",
                        "State owners", "Boundaries", "Cluster", "App policies", "Webhooks", "Operations");
        rule.check(classes);
    }

    @Test
    void the_state_owners_know_neither_the_websocket_nor_http_nor_the_cluster() {
        ArchRule rule = noClasses().that().resideInAnyPackage(ROOT + ".connections..", ROOT + ".presence..",
                        ROOT + ".users..", ROOT + ".channel..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.websocket..", "jakarta.ws.rs..",
                        "jakarta.servlet..", "com.hazelcast..");
        rule.check(classes);
    }

    @Test
    void only_the_payara_container_package_reaches_into_payara_grizzly_or_tyrus() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage(ROOT + ".container.payara..")
                .should().dependOnClassesThat().resideInAnyPackage("org.glassfish..", "fish.payara..",
                        "com.sun.enterprise..", "org.apache.catalina..");
        rule.check(classes);
    }

    @Test
    void only_the_payara_container_package_opens_private_members() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage(ROOT + ".container.payara..")
                .should().callMethod(java.lang.reflect.AccessibleObject.class, "setAccessible", boolean.class)
                .orShould().callMethod(java.lang.reflect.Field.class, "setAccessible", boolean.class)
                .orShould().callMethod(java.lang.reflect.Method.class, "setAccessible", boolean.class)
                .orShould().callMethod(Class.class, "forName", String.class);
        rule.check(classes);
    }

    @Test
    void the_public_policy_api_uses_nothing_but_the_jdk() {
        // an app's policy jar is loaded above the WAR (--addlibs), where only the JDK and this package are
        ArchRule rule = classes().that().resideInAPackage(ROOT + ".policy..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".policy..", "java..");
        rule.check(classes);
    }

    @Test
    void webhooks_listen_on_the_event_seam_and_touch_no_state_owner_boundary_or_grid() {
        ArchRule rule = noClasses().that().resideInAPackage(ROOT + ".webhooks..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".channel..", ROOT + ".connections..",
                        ROOT + ".presence..", ROOT + ".users..", ROOT + ".websocket..", ROOT + ".http..",
                        ROOT + ".api..", ROOT + ".auth..", ROOT + ".cluster..", "com.hazelcast..");
        rule.check(classes);
    }

    @Test
    void only_the_cluster_package_speaks_to_the_data_grid() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage(ROOT + ".cluster..")
                .should().dependOnClassesThat().resideInAPackage("com.hazelcast..");
        rule.check(classes);
    }
}
