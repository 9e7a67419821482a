document.getElementById('root')!.textContent = 'control';
