package dev.foyer.journey;

import dev.foyer.userflow.UserFlow;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Other ways to sign in that a feature (federation) offers on the sign-in page, beside the local
 * account form: one button per identity provider of the flow. The sign-in step records the user's
 * pick as the journey's choice ({@link #choiceOf}); the feature's own step takes it from there.
 * Keeps the sign-in page's step free of any dependency on the providers themselves.
 */
public interface ExternalSignIns {

    /** The journey choice made by a provider's button or a matching {@code domain_hint}. */
    String CHOICE_PREFIX = "idp:";

    /**
     * The ids of the sign-in page's own elements: a provider's button is {@code button#<Name>}, so
     * these names are refused for providers, and a provider named like one of them anyway is left off
     * the page rather than make its HTML invalid.
     */
    Set<String> PAGE_IDS = Set.of("api", "localAccountForm", "socialAccountForm", "signInName",
            "password", "next", "cancel", "forgotPassword", "createAccount");

    /** The journey choice that opens the linked-accounts page after a profile page. */
    String LINK_CHOICE = "linkIdentity";

    /**
     * A button on the sign-in page.
     *
     * @param name  the provider's name: the button's {@code id} and, prefixed, its {@code value}
     * @param label what the button says, e.g. "Sign in with Google"
     */
    record Button(String name, String label) {

        public String value() {
            return choiceOf(name);
        }
    }

    /** The buttons for {@code flow}'s enabled providers, in the flow's order. */
    List<Button> buttons(UserFlow flow);

    /** The name of {@code flow}'s provider that {@code domainHint} names (e.g. {@code google.com}), if any. */
    Optional<String> hinted(UserFlow flow, String domainHint);

    static String choiceOf(String providerName) {
        return CHOICE_PREFIX + providerName;
    }

    /** The provider name a journey choice names, if it is a provider choice. */
    static Optional<String> providerOf(String choice) {
        return choice != null && choice.startsWith(CHOICE_PREFIX)
                ? Optional.of(choice.substring(CHOICE_PREFIX.length())) : Optional.empty();
    }
}
