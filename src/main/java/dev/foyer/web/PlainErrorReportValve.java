package dev.foyer.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * The page Tomcat shows for errors it answers itself, before Foyer sees the request (a malformed
 * URL, a request line or headers over the size limit): status and a plain sentence, the security
 * headers every page carries, no server name, no report, no inline style.
 */
public class PlainErrorReportValve extends ErrorReportValve {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Error</title>
            <link rel="stylesheet" href="/static/foyer.css"></head>
            <body><main class="container"><h1>Sorry, we can't answer this request</h1>
            <p class="error pageLevel" role="alert">The request could not be understood (HTTP %d).</p>
            </main></body></html>
            """;

    public PlainErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("text/html");
            response.setCharacterEncoding("utf-8");
            SecurityHeadersFilter.apply(request, response);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(PAGE.formatted(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the response cannot take a body: nothing more to say.
        }
    }
}
