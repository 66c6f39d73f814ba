package io.zintrust.socket.apps;

/**
 * How bearer tokens are verified, under MicroProfile JWT's standard names (environment variables
 * {@code MP_JWT_VERIFY_PUBLICKEY}, {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}, {@code MP_JWT_VERIFY_ISSUER},
 * {@code MP_JWT_VERIFY_CLOCK_SKEW}, {@code MP_JWT_VERIFY_AUDIENCES}).
 *
 * @param publicKey         {@code mp.jwt.verify.publickey}: a PEM or base64 X.509 key, a JWK or a JWK set; or null
 * @param publicKeyLocation {@code mp.jwt.verify.publickey.location}: a file path, file: or http(s): URL; or null
 * @param issuer            {@code mp.jwt.verify.issuer}: the required {@code iss}, or null for any
 * @param clockSkewSeconds  {@code mp.jwt.verify.clock.skew}: leeway on {@code exp}, {@code nbf} and {@code iat}
 * @param audiences         {@code mp.jwt.verify.audiences}: the token's {@code aud} must name one of them; empty
 *                          for no check
 */
public record JwtSettings(String publicKey, String publicKeyLocation, String issuer, int clockSkewSeconds,
                          java.util.List<String> audiences) {

    public static final JwtSettings NONE = new JwtSettings(null, null, null, 60, java.util.List.of());

    public JwtSettings {
        audiences = java.util.List.copyOf(audiences);
    }

    public JwtSettings(String publicKey, String publicKeyLocation, String issuer, int clockSkewSeconds) {
        this(publicKey, publicKeyLocation, issuer, clockSkewSeconds, java.util.List.of());
    }

    public boolean configured() {
        return publicKey != null || publicKeyLocation != null;
    }
}
