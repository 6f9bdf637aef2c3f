package dev.smsbilling.bench.coldstart.launcher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * A {@code RequestHandler<I, O>} called as the managed runtime calls it: the event deserialised
 * by aws-lambda-java-serialization's serializer for {@code I}, the answer serialised by the
 * serializer for its class.
 */
final class PojoInvocation {
    private PojoInvocation() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void invoke(RequestHandler<?, ?> handler, InputStream event, OutputStream output, Context context,
                       ClassLoader loader) {
        Class<Object> input = (Class<Object>) inputType(handler.getClass());
        PojoSerializer<Object> in = LambdaEventSerializers.serializerFor(input, loader);
        Object request = in.fromJson(event);
        Object response = ((RequestHandler) handler).handleRequest(request, context);
        if (response != null) {
            PojoSerializer<Object> out = LambdaEventSerializers.serializerFor((Class<Object>) response.getClass(), loader);
            out.toJson(response, output);
        }
    }

    private static Class<?> inputType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Type implemented : c.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType
                        && ((ParameterizedType) implemented).getRawType() == RequestHandler.class) {
                    Type argument = ((ParameterizedType) implemented).getActualTypeArguments()[0];
                    if (argument instanceof Class) {
                        return (Class<?>) argument;
                    }
                }
            }
        }
        return Object.class;
    }
}
