package dev.showcall.calls;

import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Gives Quartz's jobs their services, so that job data can hold ids only. */
public final class PingJobFactory implements JobFactory {

    private volatile PingSender sender;
    private volatile CallScheduler scheduler;

    /** The scheduler needs the factory before the factory's services exist; they meet here. */
    public void wire(PingSender sender, CallScheduler scheduler) {
        this.sender = sender;
        this.scheduler = scheduler;
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler quartz) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        if (type != PingJob.class) {
            throw new SchedulerException("showcall has no job of type " + type.getName());
        }
        if (sender == null || scheduler == null) {
            throw new SchedulerException("the ping services are not wired yet");
        }
        return new PingJob(sender, scheduler);
    }
}
