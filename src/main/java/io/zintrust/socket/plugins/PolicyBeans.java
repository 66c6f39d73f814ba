package io.zintrust.socket.plugins;

import io.zintrust.socket.policy.ChannelAuthorizer;
import io.zintrust.socket.policy.PublishPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.NormalScope;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessSyntheticAnnotatedType;
import jakarta.inject.Scope;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.lang.annotation.Annotation;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the classes an app lists in {@code META-INF/services/io.zintrust.socket.policy.ChannelAuthorizer}
 * or {@code ...PublishPolicy} beans of this application. A jar given to Payara Micro with
 * {@code --addlibs} is loaded by the server's class loader, above the WAR, where no bean discovery looks;
 * so the listed classes are added here, {@code @ApplicationScoped} unless they declare a scope, and
 * inject like any bean. A class the WAR's own discovery found (the jar inside a WAR, say) is left to it,
 * and a class listed twice is added once, so no policy is ever two beans.
 */
public class PolicyBeans implements Extension {

    private static final System.Logger LOG = System.getLogger(PolicyBeans.class.getName());
    private static final List<Class<?>> APIS = List.of(ChannelAuthorizer.class, PublishPolicy.class);

    // bean discovery may run on several threads
    private final Set<String> discovered = ConcurrentHashMap.newKeySet();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    void authorizerFound(@Observes ProcessAnnotatedType<? extends ChannelAuthorizer> event) {
        found(event);
    }

    void publishPolicyFound(@Observes ProcessAnnotatedType<? extends PublishPolicy> event) {
        found(event);
    }

    private void found(ProcessAnnotatedType<?> event) {
        if (!(event instanceof ProcessSyntheticAnnotatedType)) {
            discovered.add(event.getAnnotatedType().getJavaClass().getName());
        }
    }

    /** After discovery, so a class discovery found as a bean is known and not added a second time. */
    void addListed(@Observes AfterTypeDiscovery event) {
        ClassLoader loader = PolicyBeans.class.getClassLoader();
        Map<String, Class<?>> adding = new LinkedHashMap<>();
        for (Class<?> api : APIS) {
            listings(loader, api).forEach((className, file) -> {
                try {
                    Class<?> type = loader.loadClass(className);
                    PolicyClasses.problem(api, type).ifPresentOrElse(problem -> problem(problem + " (listed in "
                            + file + ")"), () -> adding.put(className, type));
                } catch (ClassNotFoundException | LinkageError e) {
                    problem(PolicyClasses.unloadable(className, e) + " (listed in " + file + ")");
                }
            });
        }
        adding.values().stream().filter(type -> !discovered.contains(type.getName())).forEach(type -> add(event, type));
    }

    /** What was wrong with the listed classes: a {@code custom} server refuses to start with any. */
    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    private void problem(String problem) {
        LOG.log(Level.WARNING, "Policy class skipped: " + problem);
        problems.add(problem);
    }

    /** Every class named in this API's services files, with the first file naming it. */
    private Map<String, URL> listings(ClassLoader loader, Class<?> api) {
        String resource = "META-INF/services/" + api.getName();
        Map<String, URL> listings = new LinkedHashMap<>();
        try {
            for (URL file : Collections.list(loader.getResources(resource))) {
                try (InputStream in = file.openStream()) {
                    ServiceFile.classNames(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .forEach(name -> listings.putIfAbsent(name, file));
                } catch (ServiceFile.InvalidServiceFile e) {
                    problem(file + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            problem("cannot read " + resource + ": " + e);
        }
        return listings;
    }

    private static <T> void add(AfterTypeDiscovery event, Class<T> type) {
        var bean = event.addAnnotatedType(type, PolicyBeans.class.getName() + ":" + type.getName());
        if (!declaresScope(type)) {
            bean.add(ApplicationScoped.Literal.INSTANCE);
        }
        // where the API came from tells whether the WAR shares the policy jar's copy (parent-first loading)
        LOG.log(Level.INFO, "Policy bean " + type.getName() + " from " + origin(type) + ", policy API from "
                + origin(ChannelAuthorizer.class));
    }

    private static String origin(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "an unknown location" : source.getLocation().toString();
    }

    static boolean declaresScope(Class<?> type) {
        return Arrays.stream(type.getAnnotations()).map(Annotation::annotationType)
                .anyMatch(a -> a.isAnnotationPresent(NormalScope.class) || a.isAnnotationPresent(Scope.class));
    }
}
