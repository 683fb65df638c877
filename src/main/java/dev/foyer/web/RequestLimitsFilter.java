package dev.foyer.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits Tomcat does not set: the length of the URL (414), and the size of a JSON body sent to the
 * admin API (413, in the API's error shape). Form posts, header sizes and the number of parameters
 * are limited by Tomcat itself ({@code server.tomcat.*} and {@code server.max-http-request-header-size}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestLimitsFilter extends OncePerRequestFilter {

    static final String ADMIN_API_PREFIX = "/admin/api/";

    private final int maxUrlLength;
    private final int maxApiBody;

    RequestLimitsFilter(@Value("${foyer.limits.max-url-length:8KB}") DataSize maxUrlLength,
                        @Value("${foyer.limits.admin-api-body:256KB}") DataSize maxApiBody) {
        this.maxUrlLength = Math.toIntExact(maxUrlLength.toBytes());
        this.maxApiBody = Math.toIntExact(maxApiBody.toBytes());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (request.getRequestURI().length() + (query == null ? 0 : query.length() + 1) > maxUrlLength) {
            response.sendError(414);
            return;
        }
        if (!request.getRequestURI().startsWith(ADMIN_API_PREFIX)) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > maxApiBody) {
            tooLarge(response);
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response);
            return;
        }
        // No length given (chunked): read at most one byte more than allowed to know.
        byte[] body = request.getInputStream().readNBytes(maxApiBody + 1);
        if (body.length > maxApiBody) {
            tooLarge(response);
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        response.setStatus(413);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Connection", "close");
        response.getWriter().write("{\"error\":\"payload_too_large\",\"message\":\"The request body is larger than "
                + maxApiBody / 1024 + " KiB; nothing was changed.\"}");
    }

    /** The request with its body already read into memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
