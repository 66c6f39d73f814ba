package io.zintrust.socket.plugins;

import io.zintrust.socket.policy.ChannelAuthorizer;
import io.zintrust.socket.policy.ChannelRequest;
import io.zintrust.socket.policy.ChannelVerdict;
import io.zintrust.socket.policy.PublishPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyClassesTest {

    public static class Listed implements ChannelAuthorizer {
        @Override
        public ChannelVerdict authorize(ChannelRequest request) {
            return ChannelVerdict.allow();
        }
    }

    static class Hidden extends Listed {
    }

    public abstract static class Partial implements ChannelAuthorizer {
    }

    public static class Unrelated {
    }

    @ApplicationScoped
    public static class Scoped extends Listed {
    }

    @Dependent
    public static class ExplicitlyDependent extends Listed {
    }

    @Singleton
    public static class PseudoScoped extends Listed {
    }

    @Test
    void a_public_concrete_implementation_has_no_problem() {
        assertEquals(Optional.empty(), PolicyClasses.problem(ChannelAuthorizer.class, Listed.class));
    }

    @Test
    void a_class_that_does_not_implement_the_api_it_is_listed_for_is_a_problem() {
        assertEquals(Listed.class.getName() + " does not implement " + PublishPolicy.class.getName(),
                PolicyClasses.problem(PublishPolicy.class, Listed.class).orElseThrow());
        assertTrue(PolicyClasses.problem(ChannelAuthorizer.class, Unrelated.class).isPresent());
    }

    @Test
    void an_abstract_or_non_public_class_is_a_problem() {
        assertTrue(PolicyClasses.problem(ChannelAuthorizer.class, Partial.class).orElseThrow().endsWith("is not a concrete class"));
        assertTrue(PolicyClasses.problem(ChannelAuthorizer.class, Hidden.class).orElseThrow().endsWith("must be public"));
    }

    @Test
    void an_implementation_of_a_second_copy_of_the_api_is_told_to_keep_the_api_out_of_its_jar() throws Exception {
        // the same classes loaded again beside their own copy of the API, as a policy jar bundling it would be
        URL api = ChannelAuthorizer.class.getProtectionDomain().getCodeSource().getLocation();
        URL tests = Listed.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader isolated = new URLClassLoader(new URL[]{api, tests}, ClassLoader.getPlatformClassLoader())) {
            Class<?> copy = isolated.loadClass(Listed.class.getName());
            String problem = PolicyClasses.problem(ChannelAuthorizer.class, copy).orElseThrow();
            assertTrue(problem.contains("implements another copy of " + ChannelAuthorizer.class.getName()), problem);
            assertTrue(problem.contains("give zintrust-socket-policy-api.jar to --addlibs once"), problem);
        }
    }

    @Test
    void a_class_missing_its_api_is_told_to_add_the_api_jar_and_a_missing_class_is_named() {
        String linkage = PolicyClasses.unloadable("com.example.Rules",
                new NoClassDefFoundError("io/zintrust/socket/policy/ChannelAuthorizer"));
        assertTrue(linkage.contains("io/zintrust/socket/policy/ChannelAuthorizer")
                && linkage.contains("give zintrust-socket-policy-api.jar to --addlibs beside it"), linkage);
        assertEquals("com.example.Rules is not on the class path",
                PolicyClasses.unloadable("com.example.Rules", new ClassNotFoundException("com.example.Rules")));
    }

    @Test
    void a_declared_scope_or_pseudo_scope_is_kept_and_only_a_class_without_one_gets_application_scope() {
        assertTrue(PolicyBeans.declaresScope(Scoped.class));
        assertTrue(PolicyBeans.declaresScope(ExplicitlyDependent.class));
        assertTrue(PolicyBeans.declaresScope(PseudoScoped.class));
        assertFalse(PolicyBeans.declaresScope(Listed.class));
    }
}
