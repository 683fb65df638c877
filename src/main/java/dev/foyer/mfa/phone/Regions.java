package dev.foyer.mfa.phone;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The countries and regions offered on the phone page, by name, with their calling codes. */
final class Regions {

    /** One option: {@code US}, "United States (+1)". */
    record Region(String code, String label) {
    }

    static final List<Region> ALL = PhoneNumberUtil.getInstance().getSupportedRegions().stream()
            .map(code -> new Region(code, name(code) + " (+"
                    + PhoneNumberUtil.getInstance().getCountryCodeForRegion(code) + ")"))
            .sorted(Comparator.comparing(Region::label))
            .toList();

    private Regions() {
    }

    /** The options among {@code codes} (ISO region codes), by name. */
    static List<Region> only(Collection<String> codes) {
        return ALL.stream().filter(region -> codes.contains(region.code())).toList();
    }

    /** Whether libphonenumber knows {@code code} as a country or region with phone numbers. */
    static boolean known(String code) {
        return PhoneNumberUtil.getInstance().getSupportedRegions().contains(code);
    }

    /** The English name of a region code, e.g. "United Kingdom" for {@code GB}. */
    static String name(String code) {
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() ? code : name;
    }
}
