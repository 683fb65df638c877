package dev.foyer.admin.api;

import dev.foyer.admin.manage.ConflictException;
import dev.foyer.admin.manage.InvalidInputException;
import dev.foyer.userflow.ConcurrentFlowChangeException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Errors of the admin API as JSON values with stable codes: {@code invalid_input} (400, naming each
 * bad field), {@code not_found} (404), {@code conflict} (409), {@code precondition_failed} (412:
 * reload and retry), {@code precondition_required} (428: send If-Match). Never a stack trace.
 */
@RestControllerAdvice(basePackages = "dev.foyer.admin.api")
class AdminApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(AdminApiErrors.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalid(InvalidInputException e) {
        return invalid(e.fieldErrors());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid(Map.of(e.getName(), "This value has the wrong type."));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Object> notFound(NoSuchElementException e) {
        return body(HttpStatus.NOT_FOUND, "not_found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e) {
        return body(HttpStatus.CONFLICT, "conflict", e.getMessage());
    }

    @ExceptionHandler(ConcurrentFlowChangeException.class)
    ResponseEntity<Object> stale(ConcurrentFlowChangeException e) {
        return body(HttpStatus.PRECONDITION_FAILED, "precondition_failed", e.getMessage());
    }

    @ExceptionHandler(FlowVersions.PreconditionRequiredException.class)
    ResponseEntity<Object> preconditionRequired(FlowVersions.PreconditionRequiredException e) {
        return body(HttpStatus.PRECONDITION_REQUIRED, "precondition_required", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Admin API request failed", e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "server_error", "The server could not complete the request.");
    }

    /** Malformed JSON or a value of the wrong type: names the field when the parser knows it. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getMostSpecificCause() instanceof StreamReadException read
                && read.getMessage().startsWith("Duplicate Object property")
                && read.processor() != null && read.processor().currentName() != null) {
            return invalid(Map.of(path(read).equals("body") ? read.processor().currentName() : path(read),
                    "This field appears more than once."));
        }
        if (e.getMostSpecificCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            return invalid(Map.of(path(json), json instanceof UnrecognizedPropertyException ? "Unknown field."
                    : "This value has the wrong type or form."));
        }
        return invalid(Map.of("body", "The request body must be a JSON object."));
    }

    /** Everything else Spring MVC reports (405, 415...) in the same shape. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", HttpStatus.valueOf(status.value()).name().toLowerCase());
        json.put("message", HttpStatus.valueOf(status.value()).getReasonPhrase());
        return ResponseEntity.status(status).headers(headers).body(json);
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static ResponseEntity<Object> invalid(Map<String, String> fields) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", "invalid_input");
        json.put("message", "Correct the fields named and try again; nothing was changed.");
        json.put("fields", fields);
        return ResponseEntity.badRequest().body(json);
    }

    private static ResponseEntity<Object> body(HttpStatus status, String error, String message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", error);
        json.put("message", message);
        return ResponseEntity.status(status).body(json);
    }
}
