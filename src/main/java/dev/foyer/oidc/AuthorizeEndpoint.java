package dev.foyer.oidc;

import dev.foyer.journey.JourneyEnd;
import dev.foyer.journey.JourneyEngine;
import dev.foyer.journey.JourneyError;
import dev.foyer.journey.JourneyRequest;
import dev.foyer.journey.JourneyResult;
import dev.foyer.journey.JourneyStart;
import dev.foyer.session.AuthenticationFactor;
import dev.foyer.session.SsoSession;
import dev.foyer.session.SsoSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorize endpoint in B2C's shapes. It validates the request, then hands the browser to the
 * journey engine ("start") and takes it back at the resume path ("end"); it never looks at pages,
 * passwords or factors itself.
 */
@Controller
class AuthorizeEndpoint {

    private final FlowEndpoints endpoints;
    private final AuthorizationRequestParser parser;
    private final AuthorizationResponder responder;
    private final JourneyEngine journeys;
    private final SsoSessions sessions;
    private final JsonMapper json;

    AuthorizeEndpoint(FlowEndpoints endpoints, AuthorizationRequestParser parser, AuthorizationResponder responder,
                      JourneyEngine journeys, SsoSessions sessions, JsonMapper json) {
        this.endpoints = endpoints;
        this.parser = parser;
        this.responder = responder;
        this.journeys = journeys;
        this.sessions = sessions;
        this.json = json;
    }

    @RequestMapping(path = "/{tenant}/{policy}/oauth2/v2.0/authorize", method = {RequestMethod.GET, RequestMethod.POST})
    ModelAndView authorize(@PathVariable String policy, @RequestParam MultiValueMap<String, String> params,
                           HttpServletRequest request, HttpServletResponse response) {
        Optional<FlowEndpoint> endpoint = endpoints.resolve(policy, request);
        if (endpoint.isEmpty()) {
            return problem(response, 404, "This tenant or user flow does not exist.");
        }
        Optional<String> repeated = Parameters.repeated(params);
        if (repeated.isPresent()) {
            return problem(response, 400, "The request repeats the parameter " + repeated.get() + ".");
        }
        return switchOn(parser.parse(Parameters.single(params), endpoint.get()), endpoint.get(), request, response);
    }

    @RequestMapping(path = "/{tenant}/oauth2/v2.0/authorize", params = "p",
            method = {RequestMethod.GET, RequestMethod.POST})
    ModelAndView authorizeWithQueryPolicy(@RequestParam("p") String policy,
                                          @RequestParam MultiValueMap<String, String> params,
                                          HttpServletRequest request, HttpServletResponse response) {
        return authorize(policy, params, request, response);
    }

    @RequestMapping(path = "/{tenant}/{policy}/oauth2/v2.0/authorize/resume", method = RequestMethod.GET)
    ModelAndView resume(@PathVariable String policy, @RequestParam(name = "journey", required = false) String journey,
                        HttpServletRequest request, HttpServletResponse response) {
        Optional<FlowEndpoint> endpoint = endpoints.resolve(policy, request);
        if (endpoint.isEmpty() || journey == null) {
            return problem(response, 404, "This tenant or user flow does not exist.");
        }
        JourneyEnd end = journeys.end(journey, sessions.current(request));
        if (end instanceof JourneyEnd.Succeeded succeeded) {
            AuthorizationRequest authorization = json.readValue(succeeded.result().protocolState(),
                    AuthorizationRequest.class);
            if (!authorization.flowId().equals(endpoint.get().flow().id())) {
                return problem(response, 400, "This sign-in belongs to another user flow.");
            }
            return responder.success(endpoint.get(), authorization, authentication(authorization, succeeded.result()));
        }
        if (end instanceof JourneyEnd.Failed failed) {
            AuthorizationRequest authorization = json.readValue(failed.protocolState(), AuthorizationRequest.class);
            return sendError(authorization, failed.error());
        }
        return problem(response, 400, "This sign-in has expired or was already completed. Return to the application"
                + " and sign in again.");
    }

    private ModelAndView switchOn(AuthorizationRequestParser.Parsed parsed, FlowEndpoint endpoint,
                                  HttpServletRequest request, HttpServletResponse response) {
        if (parsed instanceof AuthorizationRequestParser.Parsed.ShowError show) {
            return problem(response, 400, show.message());
        }
        if (parsed instanceof AuthorizationRequestParser.Parsed.RedirectError redirect) {
            return responder.error(redirect.redirectUri(), redirect.responseMode(), redirect.state(), redirect.error());
        }
        AuthorizationRequestParser.Parsed.Valid valid = (AuthorizationRequestParser.Parsed.Valid) parsed;
        AuthorizationRequest authorization = valid.request();
        JourneyStart start = journeys.start(journeyRequest(authorization, endpoint), endpoint.flow(),
                valid.application(), sessions.current(request));
        if (start instanceof JourneyStart.Interaction interaction) {
            RedirectView redirect = new RedirectView(interaction.pageUrl(), true);
            redirect.setExposeModelAttributes(false);
            return new ModelAndView(redirect);
        }
        if (start instanceof JourneyStart.Refused refused) {
            return sendError(authorization, refused.error());
        }
        JourneyResult result = ((JourneyStart.Finished) start).result();
        return responder.success(endpoint, authorization, authentication(authorization, result));
    }

    private JourneyRequest journeyRequest(AuthorizationRequest authorization, FlowEndpoint endpoint) {
        List<String> prompts = AuthorizationRequestParser.split(authorization.prompt());
        String prompt = prompts.contains("none") ? "none" : prompts.contains("login") ? "login" : null;
        Duration maxAge = authorization.maxAgeSeconds() == null ? null
                : Duration.ofSeconds(authorization.maxAgeSeconds());
        return new JourneyRequest(authorization.clientId(), endpoint.flow().name(), prompt, maxAge,
                authorization.acrValues(), authorization.loginHint(), authorization.uiLocales(),
                endpoint.resumePath(), json.writeValueAsString(authorization), authorization.domainHint(),
                endpoint.origin());
    }

    private ModelAndView sendError(AuthorizationRequest authorization, JourneyError error) {
        return responder.error(authorization.redirectUri(), authorization.responseMode(), authorization.state(),
                new OAuthError(error.protocolError(), error.errorDescription(), 400));
    }

    static Authentication authentication(AuthorizationRequest authorization, JourneyResult result) {
        List<String> amr = new ArrayList<>();
        result.factors().stream().map(AuthenticationFactor::method).distinct().forEach(amr::add);
        if (result.factors().stream().anyMatch(AuthenticationFactor::isSecondFactor)) {
            amr.add("mfa");
        }
        return new Authentication(result.objectId(), authorization.clientId(), authorization.flowId(),
                authorization.scopes(), result.authTime(), amr, result.newUser(),
                SsoSession.identityProvider(result.factors()).orElse(null), result.sealedIdpAccessToken());
    }

    static ModelAndView problem(HttpServletResponse response, int status, String message) {
        response.setStatus(status);
        ModelAndView page = new ModelAndView("oidc/error");
        page.addObject("message", message);
        return page;
    }
}
