package io.qrelease;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring context of the jobs and the store; the command line opens one per command. */
@SpringBootApplication
public class QreleaseApplication {
}
