package dev.foyer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.foyer.testing.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The literal-segment test only ever rules out mappings Spring would have refused: for a request
 * made from every registered pattern (and a few written by hand), each mapping matches exactly
 * when Spring's own conditions say it does, and most are ruled out without asking Spring.
 */
class LiteralSegmentsHandlerMappingTests extends EndToEndTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void requestMappingWhenServerRunsThenControllersAreLookedUpThroughLiteralSegments() {
        assertThat(mapping).isInstanceOf(LiteralSegmentsHandlerMapping.class);
    }

    @Test
    void getMatchingMappingWhenRequestsOfEveryRegisteredPatternThenSameAnswerAsSpring() {
        LiteralSegmentsHandlerMapping pruned = (LiteralSegmentsHandlerMapping) mapping;
        Set<RequestMappingInfo> infos = mapping.getHandlerMethods().keySet();
        List<MockHttpServletRequest> requests = requests(infos);
        int ruledOut = 0;

        for (MockHttpServletRequest request : requests) {
            for (RequestMappingInfo info : infos) {
                boolean springMatches = info.getMatchingCondition(request) != null;
                boolean prunedMatches = pruned.getMatchingMapping(info, request) != null;
                assertThat(prunedMatches)
                        .as("%s %s against %s", request.getMethod(), request.getRequestURI(), info)
                        .isEqualTo(springMatches);
                ruledOut += pruned.rulesOut(info, request) ? 1 : 0;
            }
        }

        assertThat(requests).hasSizeGreaterThan(50);
        assertThat(ruledOut).as("mappings ruled out by their literal segments alone")
                .isGreaterThan(requests.size() * infos.size() * 3 / 4);
    }

    @Test
    void rulesOutWhenTokenRequestThenOnlyTokenEndpointsAndPatternsWithoutLiteralsRemain() {
        LiteralSegmentsHandlerMapping pruned = (LiteralSegmentsHandlerMapping) mapping;
        MockHttpServletRequest token = request("POST", "/contoso/B2C_1_susi/oauth2/v2.0/token");

        List<String> kept = mapping.getHandlerMethods().keySet().stream()
                .filter(info -> !pruned.rulesOut(info, token))
                .flatMap(info -> info.getPatternValues().stream())
                .toList();

        assertThat(kept).contains("/{tenant}/{policy}/oauth2/v2.0/token")
                .noneMatch(p -> p.startsWith("/admin/") || p.endsWith("/authorize") || p.endsWith("/keys"))
                .hasSizeLessThan(6);
    }

    @Test
    void rulesOutWhenFirstSegmentIsPercentEncodedThenComparesTheDecodedSegment() {
        LiteralSegmentsHandlerMapping pruned = (LiteralSegmentsHandlerMapping) mapping;
        MockHttpServletRequest encoded = request("GET", "/%61dmin/api/v1/tenants");
        RequestMappingInfo tenants = mapping.getHandlerMethods().keySet().stream()
                .filter(info -> info.getPatternValues().contains("/admin/api/v1/tenants")
                        && info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
                .findFirst().orElseThrow();

        assertThat(pruned.rulesOut(tenants, encoded)).isFalse();
        assertThat(pruned.getMatchingMapping(tenants, encoded)).isNotNull();
    }

    @Test
    void literalsWhenPatternHasVariablesAndWildcardsThenOnlyLiteralsAtFixedPositions() {
        assertThat(literals("/admin/api/v1/{tenant}")).isEqualTo("0=admin 1=api 2=v1");
        assertThat(literals("/{tenant}/{policy}/oauth2/v2.0/token")).isEqualTo("2=oauth2 3=v2.0 4=token");
        assertThat(literals("/.well-known/openid-configuration")).isEqualTo("0=.well-known 1=openid-configuration");
        assertThat(literals("/admin/**/x")).isEqualTo("0=admin");
        assertThat(literals("/static/{*path}")).isEqualTo("0=static");
        assertThat(literals("/ad*/x/v{n}/*.json/a?c/%7E")).isEqualTo("1=x");
        assertThat(literals("/{tenant}/{policy}")).isNull();
        assertThat(literals("/**")).isNull();
        assertThat(literals("/{id:[a-z]+}/x")).isNull();
        assertThat(literals("/a//b")).isNull();
        assertThat(literals("/")).isNull();
        assertThat(literals("")).isNull();
    }

    private static String literals(String pattern) {
        LiteralSegmentsHandlerMapping.Literals literals = LiteralSegmentsHandlerMapping.Literals.of(pattern);
        if (literals == null) {
            return null;
        }
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < literals.positions().length; i++) {
            pairs.add(literals.positions()[i] + "=" + literals.values()[i]);
        }
        return String.join(" ", pairs);
    }

    private static List<MockHttpServletRequest> requests(Set<RequestMappingInfo> infos) {
        Set<String> paths = new LinkedHashSet<>(List.of(
                "/", "/contoso/B2C_1_susi/oauth2/v2.0/token", "/contoso/oauth2/v2.0/token",
                "/contoso/B2C_1_susi/v2.0/.well-known/openid-configuration", "/%61dmin/api/v1/tenants",
                "/ADMIN/api/v1/tenants", "/admin;x=1/api/v1/tenants", "//admin/api/v1/tenants", "/dev/outbox",
                "/admin", "/nothing/here", "/contoso//B2C_1_susi/oauth2/v2.0/token",
                "/contoso/B2C_1_susi/oauth2;x=1/v2.0/to%6Ben", "/contoso/B2C_1_susi/oauth2/v2.0/token/"));
        for (RequestMappingInfo info : infos) {
            if (info.getPathPatternsCondition() != null) {
                for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                    paths.add(concrete(pattern.getPatternString()));
                }
            }
        }
        List<MockHttpServletRequest> requests = new ArrayList<>();
        for (String path : paths) {
            for (String method : List.of("GET", "POST", "PATCH")) {
                requests.add(request(method, path));
            }
        }
        return requests;
    }

    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]*}", "a/b")
                .replaceAll("\\{[^}]*}", "contoso")
                .replace("**", "a/b")
                .replace("*", "x")
                .replace("?", "x");
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setParameter("p", "B2C_1_susi");
        request.setContentType("application/x-www-form-urlencoded");
        request.addHeader("Accept", "text/html,application/json;q=0.9,*/*;q=0.8");
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }
}
