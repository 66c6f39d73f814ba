package io.zintrust.socket.http;

import io.zintrust.socket.policy.Caller;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@link Caller} custom policies see: the request's headers, names in lower case, and the user. */
public final class Callers {

    private Callers() {
    }

    public static Caller of(HttpServletRequest request, Principal user) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new java.util.ArrayList<>())
                    .addAll(Collections.list(request.getHeaders(name)));
        }
        headers.replaceAll((name, values) -> List.copyOf(values));
        return new Caller(headers, user != null ? user : request.getUserPrincipal());
    }
}
