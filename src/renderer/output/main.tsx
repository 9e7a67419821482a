document.getElementById('root')!.textContent = 'output';
