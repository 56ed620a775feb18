package dev.signoff.boot;

import dev.signoff.tokens.SignOffRememberMeStore;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBeanAttributes;
import jakarta.security.enterprise.identitystore.RememberMeIdentityStore;

import java.lang.reflect.Modifier;

/**
 * Keeps SignOff's registry-backed {@link RememberMeIdentityStore} only in applications that have
 * none of their own, so that adding the JAR never makes the store ambiguous: every type is seen
 * before any bean is made, and SignOff's store bean is vetoed when the app brings a store class.
 * (A store the app only produces from a producer method is not seen: such an app sets none.)
 */
public class RememberMeStoreExtension implements Extension {
    private volatile boolean appHasOne;

    <T extends RememberMeIdentityStore> void seeStores(@Observes ProcessAnnotatedType<T> event) {
        Class<T> type = event.getAnnotatedType().getJavaClass();
        if (type != SignOffRememberMeStore.class && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
            appHasOne = true;
        }
    }

    void keepOursOnlyAlone(@Observes ProcessBeanAttributes<SignOffRememberMeStore> event) {
        if (appHasOne) {
            event.veto();
        }
    }
}
