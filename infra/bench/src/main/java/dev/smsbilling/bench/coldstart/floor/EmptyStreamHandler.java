package dev.smsbilling.bench.coldstart.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Floor (a): the least a Java function can be. Reads nothing, answers {@code {}}. */
public final class EmptyStreamHandler implements RequestStreamHandler {
    private static final byte[] EMPTY_OBJECT = {'{', '}'};

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(EMPTY_OBJECT);
    }
}
