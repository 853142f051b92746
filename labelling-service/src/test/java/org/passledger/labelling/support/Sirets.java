package org.passledger.labelling.support;

import java.util.concurrent.ThreadLocalRandom;
import org.passledger.kernel.values.Siret;

/** Valid SIRETs that no other test uses. */
public final class Sirets {

    private Sirets() {
    }

    public static String fresh() {
        while (true) {
            StringBuilder digits = new StringBuilder("8");
            for (int i = 0; i < 12; i++) {
                digits.append(ThreadLocalRandom.current().nextInt(10));
            }
            for (int check = 0; check < 10; check++) {
                String candidate = digits.toString() + check;
                if (Siret.isValid(candidate)) {
                    return candidate;
                }
            }
        }
    }
}
