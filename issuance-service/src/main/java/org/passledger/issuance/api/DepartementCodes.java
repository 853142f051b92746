package org.passledger.issuance.api;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import org.passledger.kernel.values.Departement;

/** Every entry of the list is a French département code (01-95, 2A, 2B, 971-976); the message names the bad ones. */
@Target({METHOD, FIELD, ANNOTATION_TYPE, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = DepartementCodes.Validator.class)
public @interface DepartementCodes {

    String message() default "must list French département codes";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<DepartementCodes, List<String>> {

        @Override
        public boolean isValid(List<String> codes, ConstraintValidatorContext context) {
            if (codes == null) {
                return true;
            }
            List<String> invalid = codes.stream().filter(code -> !Departement.isValid(code))
                    .map(code -> "'" + literal(code) + "'").toList();
            if (invalid.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                            "is not a list of French département codes: " + String.join(", ", invalid))
                    .addConstraintViolation();
            return false;
        }

        /** The caller's text, shortened and escaped so that the message interpolator takes it literally. */
        private static String literal(String code) {
            String shown = code == null ? "null" : code.length() > 10 ? code.substring(0, 10) + "..." : code;
            return shown.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }
}
