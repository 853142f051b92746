package org.passledger.issuance.application;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/** The one source of randomness for codes and references: a SecureRandom, which a test may replace. */
@Singleton
public class RandomSource {

    @Produces
    @Singleton
    @DefaultBean
    RandomGenerator random() {
        return new SecureRandom();
    }
}
