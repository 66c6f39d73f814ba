package io.zintrust.socket.identity;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A token whose signature, lifetime and issuer were checked. As a MicroProfile {@link JsonWebToken} it
 * is the principal custom policies receive; its name is the {@code sub} claim, the user id.
 */
public final class VerifiedToken implements JsonWebToken {

    private final String raw;
    private final JsonObject claims;

    VerifiedToken(String raw, JsonObject claims) {
        this.raw = raw;
        this.claims = claims;
    }

    @Override
    public String getName() {
        return claims.getString("sub");
    }

    public String userId() {
        return getName();
    }

    /** The {@code user_info} claim, or null. */
    public JsonObject userInfo() {
        return claims.get("user_info") instanceof JsonObject info ? info : null;
    }

    /** The patterns of a list claim such as {@code channels} or {@code publish}; empty when the claim is absent. */
    public Optional<ChannelPatterns> patterns(String claim) {
        JsonValue value = claims.get(claim);
        if (value instanceof JsonString one) {
            return Optional.of(new ChannelPatterns(List.of(one.getString())));
        }
        if (!(value instanceof JsonArray array)) {
            return Optional.empty();
        }
        List<String> patterns = new ArrayList<>();
        for (JsonValue item : array) {
            if (item instanceof JsonString text) {
                patterns.add(text.getString());
            }
        }
        return Optional.of(new ChannelPatterns(patterns));
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new LinkedHashSet<>(claims.keySet());
        names.add(Claims.raw_token.name());
        return names;
    }

    /** Typed as MicroProfile JWT types them: standard claims as String, Long or Set, others as JSON-P values. */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        if (Claims.raw_token.name().equals(claimName)) {
            return (T) raw;
        }
        JsonValue value = claims.get(claimName);
        if (value == null) {
            return null;
        }
        Class<?> type = standardType(claimName);
        if (type == String.class && value instanceof JsonString text) {
            return (T) text.getString();
        }
        if (type == Long.class && value instanceof JsonNumber number) {
            return (T) Long.valueOf(number.longValue());
        }
        if (type == Set.class) {
            Set<String> values = new LinkedHashSet<>();
            if (value instanceof JsonString text) {
                values.add(text.getString());
            } else if (value instanceof JsonArray array) {
                array.forEach(item -> values.add(item instanceof JsonString s ? s.getString() : item.toString()));
            }
            return (T) values;
        }
        return (T) value;
    }

    private static Class<?> standardType(String name) {
        for (Claims claim : Claims.values()) {
            if (claim.name().equals(name)) {
                return claim.getType();
            }
        }
        return JsonValue.class;
    }

    @Override
    public String toString() {
        return "VerifiedToken[sub=" + getName() + "]";
    }
}
