package dev.foyer.admin.api;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;

/**
 * Reads every admin API {@link JsonRequestBody} with unknown fields and repeated keys as errors
 * (Jackson's default is to ignore the first and let the last of the second win). Only those bodies: the mapper that reads Foyer's own stored JSON keeps ignoring
 * fields, so state written by a newer version still reads.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestBodies implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof JacksonJsonHttpMessageConverter json) {
                json.registerMappersForType(JsonRequestBody.class, mappers -> mappers.put(MediaType.APPLICATION_JSON,
                        json.getMapper().rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()));
            }
        }
    }
}
