package dev.signoff.registry;

import dev.signoff.config.SignOffResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import java.util.List;
import java.util.Optional;

/**
 * The registry's side of single sign-out with an OpenID Provider: which registry sessions belong
 * to which provider session ({@code sid}) and user ({@code sub}), and which logout tokens were
 * received already. Every node reads the same rows, so a logout token is applied, and a replay
 * refused, on whichever node it reaches.
 */
@ApplicationScoped
public class ProviderSessions {
    @Inject
    @SignOffResource
    EntityManager em;
    /** This bean through its proxy: {@link #firstReceipt} needs {@link #store}'s own transaction. */
    @Inject
    ProviderSessions self;

    /** Records that the registry session {@code handle} was logged in through the provider's session. */
    @Transactional(TxType.REQUIRES_NEW)
    public void link(String handle, String issuer, Optional<String> sid, String subject) {
        em.merge(new ProviderLink(handle, sid.map(s -> ProviderLink.key(issuer, s)).orElse(null), ProviderLink.key(issuer, subject)));
    }

    /** Handles of the live registry sessions logged in through this provider session. */
    @Transactional(TxType.NOT_SUPPORTED)
    public List<String> liveBySid(String issuer, String sid) {
        return em.createNamedQuery(ProviderLink.LIVE_BY_SID, String.class)
                .setParameter("key", ProviderLink.key(issuer, sid)).getResultList();
    }

    /** Handles of the live registry sessions of this provider user, whatever their provider session. */
    @Transactional(TxType.NOT_SUPPORTED)
    public List<String> liveBySubject(String issuer, String subject) {
        return em.createNamedQuery(ProviderLink.LIVE_BY_SUBJECT, String.class)
                .setParameter("key", ProviderLink.key(issuer, subject)).getResultList();
    }

    /**
     * Records a logout token's ({@code iss}, {@code jti}) until {@code keepUntil} (epoch ms); false when
     * it was received before, by any node. Throws when the registry cannot be reached.
     */
    public boolean firstReceipt(String issuer, String jti, long keepUntil) {
        String key = ProviderLink.key(issuer, jti);
        try {
            return self.store(key, keepUntil);
        } catch (RuntimeException e) {
            if (LockConflicts.isDuplicateKey(e)) {
                return false; // another node stored it at the same moment
            }
            throw e;
        }
    }

    /** {@link #firstReceipt}'s transaction; public only because interceptors need it (GlassFish's Weld ignores others). */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean store(String key, long keepUntil) {
        if (em.find(SeenLogoutToken.class, key) != null) {
            return false;
        }
        em.persist(new SeenLogoutToken(key, keepUntil));
        em.flush();
        return true;
    }
}
