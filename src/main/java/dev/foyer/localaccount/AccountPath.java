package dev.foyer.localaccount;

import dev.foyer.journey.StepContext;
import dev.foyer.userflow.UserFlowType;

/**
 * The path a journey takes through the local-account steps: chosen on the sign-in page ("Sign up
 * now", "Forgot your password?") or, in a flow of one purpose, implied by the flow's type.
 */
enum AccountPath {
    SIGN_IN, SIGN_UP, FORGOT_PASSWORD;

    static final String SIGN_UP_CHOICE = "signUp";
    static final String FORGOT_PASSWORD_CHOICE = "forgotPassword";

    static AccountPath of(StepContext context) {
        String choice = context.choice().orElse("");
        if (SIGN_UP_CHOICE.equals(choice)) {
            return SIGN_UP;
        }
        if (FORGOT_PASSWORD_CHOICE.equals(choice)) {
            return FORGOT_PASSWORD;
        }
        UserFlowType type = context.flow().type();
        if (type == UserFlowType.SIGN_UP) {
            return SIGN_UP;
        }
        return type == UserFlowType.PASSWORD_RESET ? FORGOT_PASSWORD : SIGN_IN;
    }
}
