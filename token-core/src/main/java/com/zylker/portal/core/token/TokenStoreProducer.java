package com.zylker.portal.core.token;

import com.zylker.portal.core.config.PortalConfig;
import com.zylker.portal.core.crypto.KeyRingLoader;
import com.zylker.portal.core.crypto.TokenCipher;
import com.zylker.portal.core.persistence.JtaTransactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * Builds the container's {@link TokenStore}: JPA over the shared datasource in JTA transactions, secrets
 * sealed under the configured key ring (in demo mode a key generated once beside the H2 database).
 */
@ApplicationScoped
public class TokenStoreProducer {

    @Produces
    @ApplicationScoped
    TokenStore tokenStore(JtaTransactor transactor, PortalConfig config, Clock clock) {
        TokenCipher cipher = new TokenCipher(KeyRingLoader.load(config.mode(),
                config.cryptoKeys().orElse(null), config.cryptoActiveKey().orElse(null), config.dataDirectory()));
        return new JpaTokenStore(transactor, cipher, clock);
    }
}
