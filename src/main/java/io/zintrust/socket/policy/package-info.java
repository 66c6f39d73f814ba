/**
 * The public Java API for app-supplied rules ({@code SOCKET_AUTH_POLICY=custom}): a
 * {@link io.zintrust.socket.policy.ChannelAuthorizer} decides who may join a private, presence or
 * encrypted channel and who may sign in, a {@link io.zintrust.socket.policy.PublishPolicy} may refuse
 * or rewrite a publish before fan-out.
 *
 * <p>Implementations are public classes in a jar given to Payara Micro with {@code --addlibs}, listed in
 * {@code META-INF/services/io.zintrust.socket.policy.ChannelAuthorizer} (or {@code PublishPolicy}); the
 * server makes each listed class a CDI bean of its own ({@code @ApplicationScoped} unless the class
 * declares a scope), so it may inject like any bean. Such a jar is loaded by the server's class loader,
 * above the WAR, so this package uses the JDK's types only and ships as its own jar
 * ({@code target/zintrust-socket-policy-api.jar}) to give to {@code --addlibs} beside it; the WAR, whose
 * class loader asks its parent first, then uses that same copy.
 */
package io.zintrust.socket.policy;
