package dev.smsbilling.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/** Writes a seeded campaign of N messages as JSON Lines to stdout: {@code CampaignFile N [seed]}. */
public final class CampaignFile {
    private CampaignFile() {
    }

    public static void main(String[] args) throws IOException {
        int messages = Integer.parseInt(args[0]);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        var out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        for (int i = 0; i < messages; i++) {
            out.write(TypicalMessages.campaignLine(seed, i));
            out.write('\n');
        }
        out.flush();
    }
}
