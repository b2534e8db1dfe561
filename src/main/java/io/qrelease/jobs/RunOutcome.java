package io.qrelease.jobs;

import org.springframework.batch.core.job.JobExecution;

/** The execution a command ended with, and whether it had completed before the command ran. */
public record RunOutcome(JobExecution execution, boolean completedEarlier) {
}
