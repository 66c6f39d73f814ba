package io.zintrust.socket.http;

import io.zintrust.socket.apps.App;
import io.zintrust.socket.identity.VerifiedToken;

/**
 * Who an HTTP API request acts as: the app (signed, or with its secret), a user (a verified bearer
 * JWT), or both (a signed request that also carries the user's token).
 */
public record ApiCaller(App app, boolean appAuthenticated, VerifiedToken user) {
}
