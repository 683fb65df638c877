package dev.foyer.userflow;

/** The kinds of user flow B2C offers; each is run by the same journey engine. */
public enum UserFlowType {
    SIGN_UP_OR_SIGN_IN,
    SIGN_UP,
    SIGN_IN,
    PROFILE_EDITING,
    PASSWORD_RESET
}
