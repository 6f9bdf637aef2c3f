package dev.smsbilling.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.smsbilling.template.FunctionSpec;

/** Makes the handler instance of a function, the way the Lambda runtime does on a cold start. */
@FunctionalInterface
public interface HandlerFactory {

    RequestStreamHandler create(FunctionSpec function) throws Exception;

    /** Loads the template's handler class by name and calls its no-argument constructor. */
    static HandlerFactory byClassName() {
        return function -> {
            Class<?> type;
            try {
                type = Class.forName(function.handlerClass(), true, HandlerFactory.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new HandlerUnavailable("class " + function.handlerClass()
                        + " is not on the classpath (is its module a dependency of infra/local?)");
            }
            if (!RequestStreamHandler.class.isAssignableFrom(type)) {
                throw new HandlerUnavailable(function.handlerClass() + " does not implement RequestStreamHandler");
            }
            return (RequestStreamHandler) type.getDeclaredConstructor().newInstance();
        };
    }
}
