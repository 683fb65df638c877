// Submits the response form of response_mode=form_post; without JavaScript the user presses Continue.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('auto');
  if (form) { form.submit(); }
});
