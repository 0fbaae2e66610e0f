package com.zylker.sandbox.crm;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque cursor for {@code page_token}: where the next page starts, under which sort, until when, and for
 * whom — Zoho binds a token to the user and the parameters that produced it. Stateless, so it needs no
 * cleanup; a reset does not invalidate it.
 */
record PageToken(String dc, String module, String user, String fields, int perPage, String sortBy,
                 String sortOrder, int offset, Instant expiresAt) {

    String encode() {
        String raw = String.join("|", dc, module, user, fields, Integer.toString(perPage), sortBy, sortOrder,
                Integer.toString(offset), Long.toString(expiresAt.getEpochSecond()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<PageToken> decode(String token) {
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
            if (p.length != 9) {
                return Optional.empty();
            }
            return Optional.of(new PageToken(p[0], p[1], p[2], p[3], Integer.parseInt(p[4]), p[5], p[6],
                    Integer.parseInt(p[7]), Instant.ofEpochSecond(Long.parseLong(p[8]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
