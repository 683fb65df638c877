package dev.foyer.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start-up that fails on keys (a bad configured key, a stored secret no configured key
 * opens) into Boot's short "APPLICATION FAILED TO START" report: what is wrong and what to do,
 * without a stack trace. Registered in {@code META-INF/spring.factories}.
 */
public class SecretsFailureAnalyzer extends AbstractFailureAnalyzer<SecretsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SecretsException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
