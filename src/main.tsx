// Entry point: replaced by the app shell.
document.getElementById('app')!.textContent = 'Tally';
