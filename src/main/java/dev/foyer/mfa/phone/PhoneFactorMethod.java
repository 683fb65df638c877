package dev.foyer.mfa.phone;

import dev.foyer.journey.SecondFactorMethod;
import dev.foyer.journey.Step;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Plugs MFA by phone into the journey engine for the method ids phone, phoneSms and phoneCall. */
@Component
@EnableConfigurationProperties(PhoneCodeLimits.class)
class PhoneFactorMethod implements SecondFactorMethod {

    private final PhoneFactorStep step;

    PhoneFactorMethod(PhoneFactorStep step) {
        this.step = step;
    }

    @Override
    public boolean handles(String methodId) {
        return PhoneChannels.of(methodId).isPresent();
    }

    @Override
    public Step step() {
        return step;
    }
}
