package dev.foyer.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mapping, with a cheap first test. A path with a variable in it (every
 * B2C-shaped path starts with {@code /{tenant}/{policy}}) is not looked up directly, so Spring
 * tries each of Foyer's hundred-odd mappings in turn, method, parameters, media types and
 * pattern, on every request. A pattern's literal segments sit at fixed positions up to its first
 * multi-segment wildcard: {@code /{tenant}/{policy}/oauth2/v2.0/token} cannot match a path whose
 * third segment is not {@code oauth2}, nor {@code /admin/**} one whose first is not {@code admin}.
 * This rules such mappings out by a few string comparisons and leaves every other decision, and
 * every mapping it cannot rule out, to Spring.
 */
class LiteralSegmentsHandlerMapping extends RequestMappingHandlerMapping {

    // Absent: some pattern of the mapping has no literal at a fixed position, or cannot be read.
    private final Map<RequestMappingInfo, List<Literals>> literals = new ConcurrentHashMap<>();

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        remember(mapping);
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        remember(mapping);
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        literals.remove(mapping);
        super.unregisterMapping(mapping);
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        return rulesOut(info, request) ? null : super.getMatchingMapping(info, request);
    }

    /** True when each pattern of the mapping has a literal segment the request's path does not. */
    boolean rulesOut(RequestMappingInfo info, HttpServletRequest request) {
        List<Literals> patterns = literals.get(info);
        if (patterns == null || !ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return false;
        }
        List<PathContainer.Element> path =
                ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().elements();
        for (Literals pattern : patterns) {
            if (!pattern.contradicts(path)) {
                return false;
            }
        }
        return true;
    }

    private void remember(RequestMappingInfo mapping) {
        List<Literals> found = literalsOf(mapping.getPathPatternsCondition());
        if (found != null) {
            literals.put(mapping, found);
        }
    }

    private List<Literals> literalsOf(PathPatternsRequestCondition condition) {
        boolean caseSensitive = getPatternParser() == null || getPatternParser().isCaseSensitive();
        if (condition == null || condition.getPatterns().isEmpty() || !caseSensitive) {
            return null;
        }
        List<Literals> found = new ArrayList<>();
        for (PathPattern pattern : condition.getPatterns()) {
            Literals each = Literals.of(pattern.getPatternString());
            if (each == null) {
                return null;
            }
            found.add(each);
        }
        return List.copyOf(found);
    }

    /**
     * The literal segments of one pattern by position (0 for the first segment), up to its first
     * multi-segment wildcard.
     */
    record Literals(int[] positions, String[] values) {

        /** Null when the pattern has no literal at a fixed position or is not plain enough to read. */
        static Literals of(String pattern) {
            if (!pattern.startsWith("/") || pattern.contains("//") || pattern.contains("{") && pattern.contains(":")) {
                return null;
            }
            String[] segments = pattern.substring(1).split("/", -1);
            List<Integer> positions = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (int i = 0; i < segments.length; i++) {
                String segment = segments[i];
                if (segment.contains("**") || segment.startsWith("{*")) {
                    break;
                }
                if (!segment.isEmpty() && segment.chars().noneMatch(c -> "{}*?\\;%".indexOf(c) >= 0)) {
                    positions.add(i);
                    values.add(segment);
                }
            }
            if (positions.isEmpty()) {
                return null;
            }
            return new Literals(positions.stream().mapToInt(Integer::intValue).toArray(), values.toArray(String[]::new));
        }

        /**
         * True when the path has, at one of these positions, another segment. A path that is not a
         * plain alternation of separators and segments up to that position contradicts nothing.
         */
        boolean contradicts(List<PathContainer.Element> path) {
            for (int i = 0; i < positions.length; i++) {
                int index = 2 * positions[i] + 1;
                if (index >= path.size()) {
                    return false;
                }
                if (!(path.get(index) instanceof PathContainer.PathSegment segment) || !alternates(path, index)) {
                    return false;
                }
                if (!segment.valueToMatch().equals(values[i])) {
                    return true;
                }
            }
            return false;
        }

        private static boolean alternates(List<PathContainer.Element> path, int upTo) {
            for (int i = 0; i <= upTo; i++) {
                boolean separator = path.get(i) instanceof PathContainer.Separator;
                if (separator != (i % 2 == 0)) {
                    return false;
                }
            }
            return true;
        }
    }
}
