package com.zylker.portal.ui.faces;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;

/**
 * Answers "is view state saved in the client?" once while the application starts, on one thread.
 *
 * <p>The Faces API's {@code StateManager.isSavingStateInClient} caches its answer without synchronisation and
 * stores {@code false} before it reads the init parameter and stores {@code true}: concurrent first requests
 * to a freshly started WAR can read that transient {@code false}, and OmniFaces'
 * {@code @ViewScoped(saveInViewState = true)} then fails the request with "requires … STATE_SAVING_METHOD
 * being set to 'client'" (seen once in TwoNodesIT's burst of first requests to /books). Asked once here,
 * the cached answer is {@code true} before any request arrives. Registered in portal-ui's faces-config.xml for
 * {@code PostConstructApplicationEvent}.
 */
public class StateSavingWarmUp implements SystemEventListener {

    @Override
    public void processEvent(SystemEvent event) {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context != null) {
            context.getApplication().getStateManager().isSavingStateInClient(context);
        }
    }

    @Override
    public boolean isListenerForSource(Object source) {
        return true;
    }
}
