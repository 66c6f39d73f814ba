/**
 * The public Java API for app-supplied rules ({@code SOCKET_AUTH_POLICY=custom}): a
 * {@link io.zintrust.socket.policy.ChannelAuthorizer} decides who may join a private, presence or
 * encrypted channel and who may sign in, a {@link io.zintrust.socket.policy.PublishPolicy} may refuse
 * or rewrite a publish before fan-out.
 *
 * <p>Implementations are CDI beans in a jar given to Payara Micro with {@code --addlibs}, listed in
 * {@code META-INF/services/io.zintrust.socket.policy.ChannelAuthorizer} (or {@code PublishPolicy}).
 * Such a jar is loaded by the server's common class loader, above the WAR, so this package uses the
 * JDK's types only and ships as its own jar ({@code target/zintrust-socket-policy-api.jar}) to put
 * next to it.
 */
package io.zintrust.socket.policy;
