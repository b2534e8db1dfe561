package io.qrelease.jobs.release;

import io.qrelease.domain.Operator;
import io.qrelease.jobs.RunParameters;
import io.qrelease.tenant.Tenant;
import io.qrelease.tenant.TenantFileException;
import java.nio.file.Path;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/**
 * Who may start a release, checked by the job itself before it begins, whichever front end started
 * it: the operator must be in the tenant file, and only a role that may change copies may run
 * anything but a preview. Roles are read from the tenant file as it is at each start, so a resumed
 * run is checked again.
 */
public class OperatorMayAct implements JobParametersValidator {

  @Override
  public void validate(JobParameters parameters) throws InvalidJobParametersException {
    String upn = parameters.getString(ReleaseParameters.OPERATOR);
    String tenantFile = parameters.getString(ReleaseParameters.TENANT);
    if (upn == null || tenantFile == null) {
      throw new InvalidJobParametersException("A release names its operator and its tenant file; give both.");
    }
    Tenant tenant;
    try {
      tenant = Tenant.load(Path.of(tenantFile));
    } catch (TenantFileException unreadable) {
      throw new InvalidJobParametersException(unreadable.getMessage());
    }
    Operator operator = tenant.operator(upn).orElseThrow(() -> new InvalidJobParametersException(
        "Operator " + upn + " is not in " + tenantFile + "; add them there or name another operator."));
    boolean dryRun = Boolean.parseBoolean(parameters.getString(RunParameters.DRY_RUN));
    if (!operator.role().mayChangeCopies() && !dryRun) {
      throw new InvalidJobParametersException("Operator " + upn + " is a " + operator.role() + " and may only"
          + " preview; make it a dry run (--dry-run), or ask a SecurityOperator or SecurityAdministrator.");
    }
  }
}
