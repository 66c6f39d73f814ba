package io.zintrust.socket.apps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

import java.lang.System.Logger.Level;

/**
 * Reads the settings from MicroProfile Config (environment variables, system properties) once, logs
 * them with the secret masked, and fails the deployment when they are invalid.
 */
@ApplicationScoped
public class EnvironmentSettings {

    private static final System.Logger LOG = System.getLogger(EnvironmentSettings.class.getName());

    /** Usable outside CDI, e.g. while the websocket container asks which endpoints to deploy. */
    public static SocketSettings load() {
        var config = ConfigProvider.getConfig(EnvironmentSettings.class.getClassLoader());
        return new SettingsReader(name -> config.getOptionalValue(name, String.class)).read();
    }

    @Produces
    @Singleton
    SocketSettings settings() {
        try {
            SocketSettings settings = load();
            LOG.log(Level.INFO, "ZinTrust Socket configuration: " + settings.describe());
            return settings;
        } catch (InvalidConfigurationException e) {
            LOG.log(Level.ERROR, "ZinTrust Socket cannot start: " + e.getMessage());
            throw e;
        }
    }

    /** Resolving the settings at startup makes a bad value stop the deployment instead of the first request. */
    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored, SocketSettings settings) {
        settings.describe();
    }
}
